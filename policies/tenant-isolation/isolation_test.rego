package tenant.isolation_test

import data.tenant.isolation

alice := {"id": "alice", "tenant": "acme", "roles": ["editor"], "attributes": {"clearance": 2}}

acme_billing := {"tenant": "acme", "namespaces": ["billing"]}

base := {
	"actor": alice,
	"scope": acme_billing,
	"action": "read",
	"resource": "acme.billing:invoice-42",
	"resource_meta": {"classification": "internal"},
}

# The base request with top-level fields replaced (object.union would merge nested objects).
req(overrides) := object.union(object.remove(base, [k | some k, _ in overrides]), overrides)

decide(overrides) := d if {
	d := isolation.decision with input as req(overrides)
}

test_same_tenant_in_scope_role_allows if {
	d := decide({})
	d.allow
	d.reasons == ["role grants read"]
}

test_editor_may_write_not_delete if {
	decide({"action": "write"}).allow
	d := decide({"action": "delete"})
	not d.allow
	d.reasons == ["no grant for delete"]
}

test_cross_tenant_is_denied_even_for_admins if {
	d := decide({
		"actor": object.union(alice, {"roles": ["admin"]}),
		"resource": "globex.billing:invoice-1",
	})
	not d.allow
	"actor of tenant acme may not reach tenant globex" in d.reasons
	"scope does not cover globex.billing:invoice-1" in d.reasons
}

test_actor_without_tenant_is_denied if {
	d := decide({"actor": {"id": "alice", "roles": ["editor"]}})
	not d.allow
	"actor of tenant null may not reach tenant acme" in d.reasons
}

test_scope_limits_namespaces if {
	d := decide({"resource": "acme.hr:salaries"})
	not d.allow
	d.reasons == ["scope does not cover acme.hr:salaries"]
}

test_wildcard_scope_covers_every_namespace_of_its_tenant_only if {
	decide({"resource": "acme.hr:salaries", "scope": {"tenant": "acme", "namespaces": ["*"]}}).allow
	not decide({"scope": {"tenant": "globex", "namespaces": ["*"]}}).allow
}

test_malformed_resource_names_are_denied if {
	every r in ["acme:invoice", "acme.billing", "Acme.billing:x", "acme.billing:", ".billing:x"] {
		not decide({"resource": r}).allow
	}
	d := decide({"resource": "acme:invoice"})
	"resource acme:invoice is not of the form tenant.ns:name" in d.reasons
}

test_names_may_hold_colons if {
	decide({"resource": "acme.billing:2025:q1"}).allow
}

test_metadata_tenant_must_match_the_name if {
	d := decide({"resource_meta": {"tenant": "globex"}})
	not d.allow
	d.reasons == ["resource metadata names tenant globex, its name acme"]
}

test_clearance_below_classification_is_denied if {
	d := decide({"resource_meta": {"classification": "restricted"}})
	not d.allow
	d.reasons == ["classification restricted needs clearance 3"]
	# object.union merges objects deeply, so an actor without attributes is written out
	not decide({"actor": {"id": "alice", "tenant": "acme", "roles": ["editor"]}}).allow
}

test_unknown_classification_needs_no_clearance if {
	decide({"resource_meta": {"classification": "team-notes"}}).allow
}

test_suspended_actor_is_denied_even_as_owner if {
	d := decide({
		"actor": object.union(alice, {"attributes": {"suspended": true, "clearance": 2}}),
		"resource_meta": {"owner": "alice"},
	})
	not d.allow
	d.reasons == ["actor alice is suspended"]
}

test_owner_may_read_and_write_without_a_role if {
	owner := object.union(alice, {"roles": []})
	decide({"actor": owner, "resource_meta": {"owner": "alice"}, "action": "write"}).allow
	not decide({"actor": owner, "resource_meta": {"owner": "alice"}, "action": "delete"}).allow
}

test_unknown_roles_grant_nothing if {
	not decide({"actor": object.union(alice, {"roles": ["superuser"]})}).allow
}

test_roles_come_from_data_not_input if {
	not decide({"actor": object.union(alice, {"roles": ["viewer"]}), "action": "write"}).allow
}

test_strict_mode_denies_requests_without_actor_or_scope if {
	d := isolation.decision with input as {"action": "read", "resource": "acme.pub:readme", "resource_meta": {"public": true}}
	not d.allow
	"strict mode: request has no actor" in d.reasons
	"strict mode: request has no scope" in d.reasons
	e := isolation.decision with input as object.remove(req({}), ["scope"])
	e.reasons == ["strict mode: request has no scope"]
}

test_lax_mode_allows_anonymous_public_reads_only if {
	anon := {"action": "read", "resource": "acme.pub:readme", "resource_meta": {"public": true}}
	d := isolation.decision with input as anon with data.tenant_isolation.strict as false
	d.allow
	d.reasons == ["public resource, anonymous read"]
	w := isolation.decision with input as object.union(anon, {"action": "write"}) with data.tenant_isolation.strict as false
	not w.allow
	p := isolation.decision with input as object.remove(anon, ["resource_meta"]) with data.tenant_isolation.strict as false
	not p.allow
}

test_lax_mode_still_isolates_tenants if {
	d := isolation.decision with input as object.remove(req({"resource": "globex.billing:x"}), ["scope"]) with data.tenant_isolation.strict as false
	not d.allow
	d.reasons == ["actor of tenant acme may not reach tenant globex"]
}

test_every_deny_reason_is_listed_sorted if {
	d := decide({
		"actor": {"id": "alice", "tenant": "acme", "roles": ["editor"], "attributes": {"suspended": true}},
		"resource": "globex.hr:x",
		"resource_meta": {"classification": "confidential"},
	})
	not d.allow
	d.reasons == sort(d.reasons)
	count(d.reasons) == 4
}

# Deny-overrides without conflicts: many grants and many denies at once still give one decision.
test_denies_and_grants_together_never_conflict if {
	d := decide({
		"actor": object.union(alice, {"roles": ["viewer", "editor", "admin"], "attributes": {"suspended": true}}),
		"resource_meta": {"owner": "alice"},
	})
	d == {"allow": false, "reasons": ["actor alice is suspended"]}
}

test_missing_or_non_string_resource_is_denied if {
	d := isolation.decision with input as object.remove(base, ["resource"])
	not d.allow
	"resource null is not of the form tenant.ns:name" in d.reasons
	not decide({"resource": 42}).allow
}

test_missing_action_is_denied_with_a_reason if {
	d := isolation.decision with input as object.remove(base, ["action"])
	d == {"allow": false, "reasons": ["no grant for null"]}
}
