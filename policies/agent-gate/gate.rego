# Agent gate: Shannon's request rules, rewritten so that deny overrides allow deterministically.
#
# The idiom (see README.md here): rules never define the decision themselves. Deny rules add
# reasons to the partial set `deny`, allow rules add objects to the partial set `grants`; partial
# sets collect every match and can never raise eval_conflict_error. One complete rule, `decision`,
# then reads both through an `else` chain — a single rule, so no two of its bodies can produce
# different values: any deny wins, else any grant allows, else the default denies.
package agent.gate

authorized_users := {"test_user", "admin"}

known_users := authorized_users | {"alice", "system"}

blocked_users := {"blocked_user"}

allowlisted_agents := {"agent-core"}

privileged_users := {"admin"}

max_tokens := {"simple": 1000, "standard": 5000, "complex": 10000}

dangerous_patterns := ["rm -rf", "/etc/passwd", "drop table", "sudo "]

safe_simple_patterns := ["what is", "how do i", "define "]

# --- deny rules: each adds a reason ---

deny contains sprintf("dangerous pattern detected: %s", [p]) if {
	some p in dangerous_patterns
	contains(lower(input.query), p)
}

deny contains "user is blocked" if input.user_id in blocked_users

deny contains "unknown user in production environment" if {
	input.environment == "prod"
	not input.user_id in known_users
	input.user_id
}

deny contains sprintf("token budget %d exceeds maximum %d for mode %s", [input.token_budget, limit, input.mode]) if {
	limit := max_tokens[input.mode]
	input.token_budget > limit
}

deny contains "complex operation requires human approval" if {
	input.mode == "complex"
	input.environment == "prod"
	not input.context.approved_by_human
}

deny contains "query pattern similar to previously denied requests" if similar_to_denied

similar_to_denied if {
	some q in input.similar_queries
	q.outcome == "denied"
	q.confidence >= 0.9
}

# --- allow rules: each adds a grant with its reason and obligations ---

grants contains {"reason": "standard operation for authorized user", "obligations": {}} if {
	input.mode == "standard"
	input.user_id in authorized_users
}

grants contains {"reason": "allowlisted agent", "obligations": {}} if input.agent_id in allowlisted_agents

grants contains {"reason": "simple mode operation - low risk", "obligations": {}} if {
	input.mode == "simple"
	some p in safe_simple_patterns
	startswith(lower(input.query), p)
}

grants contains {"reason": "development environment - all operations allowed", "obligations": {}} if {
	input.environment == "dev"
	input.token_budget > 0
}

grants contains {"reason": "complex operation approved for privileged user", "obligations": {"require_approval": true}} if {
	input.mode == "complex"
	input.user_id in privileged_users
	input.context.approved_by_human == true
}

grants contains {"reason": "Support team has limited access", "obligations": {"max_tokens": 5000}} if {
	input.context.team == "support"
	input.environment != "prod"
}

# --- the decision: one rule, deny first ---

decision := {
	"allow": false,
	"reasons": [r | some r in deny],
	"obligations": {},
	"require_approval": require_approval,
} if {
	count(deny) > 0
} else := {
	"allow": true,
	"reasons": [g.reason | some g in grants],
	"obligations": object.union_n([g.obligations | some g in grants]),
	"require_approval": require_approval,
} if {
	count(grants) > 0
} else := {
	"allow": false,
	"reasons": ["default deny - no matching allow rule"],
	"obligations": {},
	"require_approval": false,
}

default require_approval := false

require_approval if similar_to_denied

require_approval if {
	some g in grants
	g.obligations.require_approval
}
