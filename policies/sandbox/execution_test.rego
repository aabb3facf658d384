package sandbox_test

import data.sandbox

module := {"name": "hello", "sha256": "ab12", "imports": []}

run(subject, caps) := d if {
	d := sandbox.execution with input as {
		"subject": subject,
		"module": module,
		"requested_capabilities": caps,
		"requested_limits": {},
	}
}

test_owner_gets_every_capability_and_the_largest_limits if {
	d := run({"id": "alice", "tenant": "acme"}, ["host.kv.write"])
	d.allow
	d.trust == "owner"
	d.capabilities == ["*"]
	d.limits.timeout_ms == 30000
}

test_trusted_profile if {
	d := run({"id": "bob", "tenant": "initech"}, [])
	d.allow
	d.capabilities == ["host.log", "host.kv.*", "wasi.env"]
	d.limits.memory_pages == 512
}

test_semi_trusted_profile if {
	d := run({"id": "carol", "tenant": "globex"}, ["host.kv.read"])
	d.allow
	d.capabilities == ["host.log", "host.kv.read"]
}

test_unknown_subjects_are_untrusted if {
	d := run({"id": "stranger"}, [])
	d.allow
	d.trust == "untrusted"
	d.capabilities == []
	d.limits.fuel == 100000000
}

test_trust_comes_from_data_not_from_input if {
	d := run({"id": "stranger", "trust": "owner"}, [])
	d.trust == "untrusted"
}

test_unknown_trust_level_in_data_is_untrusted if {
	d := sandbox.execution with input as {"subject": {"id": "x"}, "module": module, "requested_capabilities": []} with data.sandbox_trust.subjects as {"x": {"trust": "root"}}
	d.trust == "untrusted"
}

test_blocked_subject_is_denied_even_as_owner if {
	d := run({"id": "mallory", "tenant": "acme"}, [])
	not d.allow
	d.reasons == ["subject mallory is blocked"]
}

test_subject_without_id_is_denied if {
	d := run({}, [])
	not d.allow
	"subject has no id" in d.reasons
}

test_blocked_module_is_denied if {
	d := sandbox.execution with input as {
		"subject": {"id": "alice"},
		"module": {"name": "evil", "sha256": "0000000000000000000000000000000000000000000000000000000000000000"},
		"requested_capabilities": [],
	}
	not d.allow
	d.reasons == ["module evil (0000000000000000000000000000000000000000000000000000000000000000) is blocked"]
}

test_tenant_isolation if {
	d := run({"id": "bob", "tenant": "globex"}, [])
	not d.allow
	d.reasons == ["subject bob is not a member of tenant globex"]
}

test_unknown_subject_cannot_claim_a_tenant if {
	d := run({"id": "stranger", "tenant": "acme"}, [])
	not d.allow
}

test_key_value_store_needs_a_tenant if {
	d := run({"id": "bob"}, ["host.kv.read", "host.log"])
	not d.allow
	d.reasons == ["capability host.kv.read needs a tenant"]
}

test_kv_pattern_is_not_a_raw_prefix if {
	d := run({"id": "bob"}, ["host.kvx"])
	d.allow
}

test_every_deny_is_reported if {
	d := run({"id": "mallory", "tenant": "globex"}, ["host.kv.write"])
	not d.allow
	d.reasons == ["subject mallory is blocked", "subject mallory is not a member of tenant globex"]
}

test_a_denial_grants_only_the_untrusted_profile if {
	d := run({"id": "mallory", "tenant": "acme"}, ["host.kv.write"])
	not d.allow
	d.capabilities == []
	d.limits == sandbox.profiles.untrusted.limits
	not d.trust
}
