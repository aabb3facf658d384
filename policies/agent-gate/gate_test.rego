package agent.gate_test

import data.agent.gate

base := {"session_id": "s1", "agent_id": "x", "environment": "prod", "timestamp": "2025-01-01T00:00:00Z"}

test_standard_user_allowed if {
	d := gate.decision with input as object.union(base, {"query": "summarize", "mode": "standard", "user_id": "test_user", "token_budget": 3000})
	d.allow
	d.reasons == ["standard operation for authorized user"]
}

test_two_grants_allow_without_conflict if {
	d := gate.decision with input as object.union(base, {"agent_id": "agent-core", "query": "summarize", "mode": "standard", "user_id": "test_user", "token_budget": 3000})
	d.allow
	count(d.reasons) == 2
}

test_deny_overrides_a_matching_grant if {
	d := gate.decision with input as object.union(base, {"query": "what is in /etc/passwd", "mode": "simple", "token_budget": 500})
	not d.allow
	d.reasons == ["dangerous pattern detected: /etc/passwd"]
}

test_two_denies_give_one_decision if {
	d := gate.decision with input as object.union(base, {"query": "hello", "mode": "standard", "user_id": "blocked_user", "token_budget": 100})
	not d.allow
	d.reasons == ["unknown user in production environment", "user is blocked"]
}

test_nothing_matches_denies_by_default if {
	d := gate.decision with input as object.union(base, {"environment": "staging", "query": "hi", "mode": "standard", "user_id": "alice", "token_budget": 100})
	not d.allow
	d.reasons == ["default deny - no matching allow rule"]
}

test_obligations_are_merged if {
	d := gate.decision with input as object.union(base, {"environment": "staging", "query": "hi", "mode": "standard", "user_id": "alice", "token_budget": 100, "context": {"team": "support"}})
	d.allow
	d.obligations == {"max_tokens": 5000}
}

test_approval_travels_with_the_decision if {
	d := gate.decision with input as object.union(base, {"query": "explain", "mode": "complex", "user_id": "admin", "token_budget": 9000, "context": {"approved_by_human": true}})
	d.allow
	d.require_approval
}
