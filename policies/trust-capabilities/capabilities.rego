# Trust levels and capabilities: four levels with capability profiles, delegated grants that never
# exceed the granter's own, and gateway forward rules with rate-limit parameters.
#
# Capabilities are dotted names (`tools.web.fetch`); patterns follow Sigil's segment semantics: a
# segment that is exactly `*` matches one or more whole segments, `*` inside a segment matches
# within that segment, and a pattern is never a raw prefix (`tools.*` does not match `tools` nor
# `toolsmith`). Levels come from data (data.trust_capabilities.principals), never from the input;
# unknown principals are untrusted. Each decision is one complete rule with an else chain over a
# partial set of denies: any deny wins, never an eval_conflict_error.
package trust.capabilities

levels := ["untrusted", "semi-trusted", "trusted", "owner"]

rank(level) := i if levels[i] == level

profiles := {
	"owner": {"capabilities": ["*"], "delegate": true, "rate_limit": {"requests_per_minute": 6000, "burst": 600}},
	"trusted": {"capabilities": ["tools.*", "memory.*", "messages.send.*"], "delegate": true, "rate_limit": {"requests_per_minute": 600, "burst": 60}},
	"semi-trusted": {"capabilities": ["tools.web.fetch", "tools.search.*", "memory.read"], "delegate": false, "rate_limit": {"requests_per_minute": 60, "burst": 10}},
	"untrusted": {"capabilities": [], "delegate": false, "rate_limit": {"requests_per_minute": 10, "burst": 2}},
}

cfg := data.trust_capabilities

default level_of(_) := "untrusted"

level_of(id) := l if {
	l := cfg.principals[id].level
	profiles[l]
}

# --- Sigil matching ---

valid_pattern(p) if {
	regex.match(`^[A-Za-z0-9_:/*-]+(\.[A-Za-z0-9_:/*-]+)*$`, p)
	not contains(p, "**")
}

valid_capability(c) if {
	is_string(c)
	regex.match(`^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$`, c)
}

# A whole-segment `*` becomes glob's `**` (crosses dots); other stars stay within a segment.
glob_of(p) := concat(".", [g | some s in split(p, "."); g := segment_glob(s)])

segment_glob(s) := "**" if {
	s == "*"
} else := s

matches(pattern, cap) if {
	valid_pattern(pattern)
	valid_capability(cap)
	glob.match(glob_of(pattern), ["."], cap)
}

# `outer` covers `inner` when outer's glob matches inner's text, its stars read as characters: a
# whole-segment star of inner can then only meet a whole-segment star of outer (sound for valid
# patterns, which never hold `**`).
covers(outer, inner) if {
	valid_pattern(outer)
	valid_pattern(inner)
	glob.match(glob_of(outer), ["."], inner)
}

# --- what a principal holds ---

own_patterns(id) := profiles[level_of(id)].capabilities

# Delegated patterns count only while the granter's own profile still covers them, so a grant
# written straight into data cannot exceed its granter either (one hop: delegations do not chain).
delegated_patterns(id) := {p |
	some d in cfg.delegations
	d.grantee == id
	some p in d.capabilities
	profiles[level_of(d.granter)].delegate
	some g in own_patterns(d.granter)
	covers(g, p)
}

held_patterns(id) := {p | some p in own_patterns(id)} | delegated_patterns(id)

# Missing names read as null (untrusted, holding nothing): a decision is never left undefined.
principal := object.get(input, "principal", null)

granter := object.get(input, "granter", null)

capability := object.get(input, "capability", null)

gateway := object.get(input, "gateway", null)

target := object.get(input, "target", null)

# --- use: may the principal use the capability? ---

use_matched := sort([p | some p in held_patterns(principal); matches(p, capability)])

use_deny contains "request has no principal" if principal == null

use_deny contains sprintf("capability %v is not a dotted name", [capability]) if not valid_capability(capability)

use_deny contains sprintf("%v (%v) does not hold %v", [principal, level_of(principal), capability]) if {
	valid_capability(capability)
	count(use_matched) == 0
}

use := {"allow": false, "reasons": sort([r | some r in use_deny]), "level": level_of(principal)} if {
	count(use_deny) > 0
} else := {
	"allow": true,
	"reasons": [sprintf("%v (%v) holds %v", [principal, level_of(principal), capability])],
	"level": level_of(principal),
	"matched": use_matched,
}

# --- grant: may granter give input.grantee the patterns input.capabilities? ---

grant_deny contains sprintf("%v (%v) may not delegate", [granter, level_of(granter)]) if {
	not profiles[level_of(granter)].delegate
}

grant_deny contains sprintf("%v is not a valid pattern", [p]) if {
	some p in input.capabilities
	not valid_pattern(p)
}

grant_deny contains sprintf("grant of %v exceeds %v's own capabilities", [p, granter]) if {
	some p in input.capabilities
	valid_pattern(p)
	not covered_by_granter(p)
}

covered_by_granter(p) if {
	some g in own_patterns(granter)
	covers(g, p)
}

grant_deny contains "grant has no granter" if granter == null

grant_deny contains "grant names no capabilities" if count(object.get(input, "capabilities", [])) == 0

grant_deny contains "a principal cannot grant to itself" if granter == input.grantee

grant := {"allow": false, "reasons": sort([r | some r in grant_deny])} if {
	count(grant_deny) > 0
} else := {"allow": true, "reasons": [sprintf("%v covers every granted pattern", [granter])]}

# --- forward: may the gateway forward this principal's call to the target, at which rate? ---

forward_rules_matching contains r if {
	some r in cfg.forward_rules
	r.gateway == gateway
	r.target == target
	matches(r.capability, capability)
	rank(level_of(principal)) >= rank(r.min_level)
}

# The strictest of the level's limit and every matching rule's.
rate_limit := {k: min(vs) |
	some k in ["requests_per_minute", "burst"]
	vs := {profiles[level_of(principal)].rate_limit[k]} | {r.rate_limit[k] | some r in forward_rules_matching}
}

forward_deny contains r if some r in use_deny

forward_deny contains sprintf("no forward rule from %v to %v for %v at level %v", [gateway, target, capability, level_of(principal)]) if {
	count(forward_rules_matching) == 0
}

forward := {"allow": false, "reasons": sort([r | some r in forward_deny])} if {
	count(forward_deny) > 0
} else := {
	"allow": true,
	"reasons": [sprintf("%v may forward %v to %v", [gateway, capability, target])],
	"rate_limit": rate_limit,
	"rate_limit_key": sprintf("%v|%v|%v", [gateway, target, principal]),
}
