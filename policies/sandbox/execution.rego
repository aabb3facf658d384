# Sandbox execution policy: may this subject run this module, and with which capabilities and limits?
# The sandbox-executor asks `POST /v1/decisions/sandbox/execution` with input
# {subject: {id, tenant?}, module: {name, sha256, imports}, requested_capabilities, requested_limits}.
#
# Trust levels come from data (data.sandbox_trust.subjects), never from the caller's input: a subject
# claims an id, the deployment decides how far that id is trusted. Unknown subjects are untrusted.
# Deny rules add reasons to a partial set and one complete rule reads it first: any deny wins
# (deny-overrides), without conflicts. The executor grants the intersection of what was requested
# and the profile's capability patterns, and the smallest of requested, profile and server limits.
package sandbox

profiles := {
	"owner": {
		"capabilities": ["*"],
		"limits": {"fuel": 10000000000, "timeout_ms": 30000, "memory_pages": 1024, "output_bytes": 4194304},
	},
	"trusted": {
		"capabilities": ["host.log", "host.kv.*", "wasi.env"],
		"limits": {"fuel": 2000000000, "timeout_ms": 10000, "memory_pages": 512, "output_bytes": 1048576},
	},
	"semi-trusted": {
		"capabilities": ["host.log", "host.kv.read"],
		"limits": {"fuel": 500000000, "timeout_ms": 5000, "memory_pages": 256, "output_bytes": 262144},
	},
	"untrusted": {
		"capabilities": [],
		"limits": {"fuel": 100000000, "timeout_ms": 1000, "memory_pages": 64, "output_bytes": 65536},
	},
}

registered := data.sandbox_trust.subjects[input.subject.id]

default trust := "untrusted"

trust := registered.trust if profiles[registered.trust]

profile := profiles[trust]

# --- deny rules: each adds a reason ---

deny contains "subject has no id" if not input.subject.id

deny contains sprintf("subject %s is blocked", [input.subject.id]) if {
	input.subject.id in data.sandbox_trust.blocked_subjects
}

deny contains sprintf("module %s (%s) is blocked", [input.module.name, input.module.sha256]) if {
	input.module.sha256 in data.sandbox_trust.blocked_modules
}

# Tenant isolation: a subject acts only for the tenants it belongs to, and the key-value store,
# which the executor keys by tenant, needs one.
deny contains sprintf("subject %s is not a member of tenant %s", [input.subject.id, input.subject.tenant]) if {
	input.subject.tenant
	not member_of_tenant
}

deny contains sprintf("capability %s needs a tenant", [c]) if {
	not input.subject.tenant
	some c in input.requested_capabilities
	glob.match("host.kv.*", ["."], c)
}

member_of_tenant if input.subject.tenant in registered.tenants

# --- the decision: one rule, deny first ---

# A denial still names the least grant, the untrusted profile's: in dry-run or under the kill switch
# the decision service lets a denied run go ahead, and it must not get the executor's maximum limits.
execution := {
	"allow": false,
	"reasons": sort([r | some r in deny]),
	"capabilities": profiles.untrusted.capabilities,
	"limits": profiles.untrusted.limits,
} if {
	count(deny) > 0
} else := {
	"allow": true,
	"reasons": [sprintf("subject %s is %s", [input.subject.id, trust])],
	"trust": trust,
	"capabilities": profile.capabilities,
	"limits": profile.limits,
}
