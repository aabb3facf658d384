package trust.capabilities_test

import data.trust.capabilities as tc

# A copy of the "sigil_MatchCapability (sigil-dev/sigil internal/security/capability.go)" vectors of
# ../shared/vectors/capability-vectors.json (Sigil's MatchCapability, as its code behaves). The
# last colon-form pair shows Sigil splitting a file path on its dots: Verdict's capability names are
# dotted identifiers too, so a resource belongs in its own field, never inside the name.
sigil_vectors := [
	{"pattern": "sessions.*", "cap": "sessions.read", "match": true},
	{"pattern": "sessions.*", "cap": "sessions", "match": false},
	{"pattern": "exec.*", "cap": "exec.run.sandboxed", "match": true},
	{"pattern": "*", "cap": "a.b", "match": true},
	{"pattern": "*.*", "cap": "a", "match": false},
	{"pattern": "a.*.c", "cap": "a.b.d.c", "match": true},
	{"pattern": "a.*.c", "cap": "a.c", "match": false},
	{"pattern": "filesystem.read./data/*", "cap": "filesystem.read./data/plugins/foo", "match": true},
	{"pattern": "filesystem.read./data/*", "cap": "filesystem.read./data/file.txt", "match": false},
	{"pattern": "inject.*", "cap": "inject", "match": false},
	{"pattern": "tool:file:read:/*", "cap": "tool:file:read:/etc/passwd", "match": true},
	{"pattern": "tool:file:read:/*", "cap": "tool:file:read:/etc/app.conf", "match": false},
	{"pattern": "messages.send.foo*bar", "cap": "messages.send.foo123bar", "match": true},
	{"pattern": "a..b", "cap": "a.x.b", "match": false},
]

test_sigil_vectors if {
	every v in [v | some v in sigil_vectors; v.match] {
		tc.matches(v.pattern, v.cap)
	}
	every v in [v | some v in sigil_vectors; not v.match] {
		not tc.matches(v.pattern, v.cap)
	}
}

test_sigil_vector_count if count(sigil_vectors) == 14

test_patterns_are_never_raw_prefixes if {
	not tc.matches("tools.*", "toolsmith")
	not tc.matches("tools.*", "tools")
	not tc.matches("tools", "tools.web")
	tc.matches("tools.*", "tools.web.fetch")
}

test_in_segment_star_stays_in_its_segment if {
	tc.matches("tools.web.f*", "tools.web.fetch")
	not tc.matches("tools.w*", "tools.web.fetch")
}

test_invalid_patterns_and_names_match_nothing if {
	not tc.matches("a..b", "a.b")
	not tc.matches("a.**", "a.b")
	not tc.matches("*", "")
	not tc.matches("*", "a..b")
	not tc.matches("*", "a.*")
}

test_covers if {
	tc.covers("*", "tools.*")
	tc.covers("tools.*", "tools.web.*")
	tc.covers("tools.*", "tools.web.f*")
	tc.covers("tools.web.*", "tools.web.fetch")
	tc.covers("a.*.c", "a.*.c")
	not tc.covers("tools.web.*", "tools.*")
	not tc.covers("tools.*", "*")
	not tc.covers("tools.w*", "tools.*")
	not tc.covers("tools.web.f*", "tools.web.*")
	not tc.covers("memory.read", "memory.*")
}

use(p, c) := d if {
	d := tc.use with input as {"principal": p, "capability": c}
}

test_four_levels_from_data if {
	use("ops", "anything.at.all").level == "owner"
	use("build-bot", "tools.x").level == "trusted"
	use("helper-agent", "tools.x").level == "semi-trusted"
	use("guest", "tools.x").level == "untrusted"
	use("nobody", "tools.x").level == "untrusted"
}

test_level_never_comes_from_input if {
	d := tc.use with input as {"principal": "guest", "level": "owner", "capability": "tools.web.fetch"}
	not d.allow
}

test_unknown_level_in_data_is_untrusted if {
	d := tc.use with input as {"principal": "x", "capability": "tools.web.fetch"} with data.trust_capabilities.principals as {"x": {"level": "root"}}
	d.level == "untrusted"
	not d.allow
}

test_profiles if {
	use("ops", "shell.exec").allow
	d := use("build-bot", "tools.web.fetch")
	d.allow
	d.matched == ["tools.*"]
	not use("build-bot", "shell.exec").allow
	use("helper-agent", "tools.search.web").allow
	not use("helper-agent", "memory.write").allow
	not use("guest", "tools.web.fetch").allow
}

test_use_denies_with_reasons if {
	use("guest", "tools.web.fetch").reasons == ["guest (untrusted) does not hold tools.web.fetch"]
	use("ops", "not a name").reasons == ["capability not a name is not a dotted name"]
	d := tc.use with input as {"capability": "tools.web.fetch"}
	"request has no principal" in d.reasons
}

test_delegated_grant_is_held if {
	d := use("helper-agent", "memory.write.notes")
	d.allow
	d.matched == ["memory.write.notes"]
}

# A delegation written straight into data still cannot exceed its granter's own profile, and
# granters whose level may not delegate grant nothing.
test_delegations_in_data_never_exceed_the_granter if {
	ds := [
		{"granter": "build-bot", "grantee": "guest", "capabilities": ["shell.exec", "tools.web.fetch"]},
		{"granter": "helper-agent", "grantee": "guest", "capabilities": ["memory.read"]},
	]
	not tc.use.allow with input as {"principal": "guest", "capability": "shell.exec"} with data.trust_capabilities.delegations as ds
	tc.use.allow with input as {"principal": "guest", "capability": "tools.web.fetch"} with data.trust_capabilities.delegations as ds
	not tc.use.allow with input as {"principal": "guest", "capability": "memory.read"} with data.trust_capabilities.delegations as ds
}

grant(granter, caps) := d if {
	d := tc.grant with input as {"granter": granter, "grantee": "guest", "capabilities": caps}
}

test_grant_within_own_capabilities if {
	grant("build-bot", ["tools.web.*", "memory.read"]).allow
	grant("ops", ["*"]).allow
}

test_grant_never_exceeds_the_granter if {
	d := grant("build-bot", ["tools.*", "*", "shell.exec"])
	not d.allow
	d.reasons == [
		"grant of * exceeds build-bot's own capabilities",
		"grant of shell.exec exceeds build-bot's own capabilities",
	]
}

test_grant_by_low_levels_is_denied if {
	grant("helper-agent", ["tools.web.fetch"]).reasons == ["helper-agent (semi-trusted) may not delegate"]
	not grant("stranger", ["tools.web.fetch"]).allow
}

test_grant_needs_valid_patterns_and_a_grantee_other_than_itself if {
	g := tc.grant with input as {"grantee": "guest", "capabilities": ["tools.x"]}
	"grant has no granter" in g.reasons
	not grant("ops", ["a..b"]).allow
	not grant("ops", []).allow
	d := tc.grant with input as {"granter": "ops", "grantee": "ops", "capabilities": ["x"]}
	d.reasons == ["a principal cannot grant to itself"]
}

forward(p, gw, target, c) := d if {
	d := tc.forward with input as {"principal": p, "gateway": gw, "target": target, "capability": c}
}

test_forward_takes_the_strictest_rate_limit if {
	d := forward("build-bot", "edge", "tools-api", "tools.web.fetch")
	d.allow
	d.rate_limit == {"requests_per_minute": 30, "burst": 5}
	d.rate_limit_key == "edge|tools-api|build-bot"
	e := forward("build-bot", "edge", "tools-api", "tools.search.docs")
	e.rate_limit == {"requests_per_minute": 120, "burst": 20}
	f := forward("helper-agent", "edge", "tools-api", "tools.search.docs")
	f.rate_limit == {"requests_per_minute": 60, "burst": 10}
}

test_forward_needs_a_rule_and_its_level if {
	d := forward("helper-agent", "internal", "memory-api", "memory.read")
	not d.allow
	d.reasons == ["no forward rule from internal to memory-api for memory.read at level semi-trusted"]
	forward("build-bot", "internal", "memory-api", "memory.read").allow
	not forward("build-bot", "edge", "memory-api", "memory.read").allow
}

test_forward_needs_the_capability_itself if {
	d := forward("guest", "edge", "tools-api", "tools.web.fetch")
	not d.allow
	d.reasons == [
		"guest (untrusted) does not hold tools.web.fetch",
		"no forward rule from edge to tools-api for tools.web.fetch at level untrusted",
	]
}

# Missing fields deny with a reason instead of leaving a deny rule's reason undefined.
test_missing_fields_deny if {
	d := tc.use with input as {"principal": "ops"}
	d.reasons == ["capability null is not a dotted name"]
	f := tc.forward with input as {"principal": "ops", "capability": "tools.web.fetch"}
	f.reasons == ["no forward rule from null to null for tools.web.fetch at level owner"]
	not tc.grant.allow with input as {"granter": "ops", "grantee": "guest"}
}
