# Tenant isolation: ABAC over namespaced resources named `tenant.ns:name`.
#
# Input: {actor: {id, tenant, roles, attributes}, scope: {tenant, namespaces}, action, resource,
# resource_meta: {tenant?, owner?, classification?, public?}}. `scope` is what the caller's token
# was issued for; `actor` who the caller is. Deny rules add reasons to a partial set, grants add to
# another, and one complete rule (`decision`) reads both through an else chain: any deny wins, never
# an eval_conflict_error. In strict mode (data.tenant_isolation.strict, the default) a request
# without an actor or a scope is denied; outside it, an anonymous request may only read public data.
package tenant.isolation

# Configuration from data.tenant_isolation: strict (default true), role_actions, clearance_levels.
default strict := true

strict := data.tenant_isolation.strict

# Read with a default: a deny rule whose reason names an undefined field would add nothing.
resource := object.get(input, "resource", null)

action := object.get(input, "action", null)

# `tenant.ns:name`: lower-case tenant and namespace, any non-empty name (which may hold colons).
parsed := {"tenant": m[1], "namespace": m[2], "name": m[3]} if {
	is_string(resource)
	some m in regex.find_all_string_submatch_n(`^([a-z0-9][a-z0-9-]*)\.([a-z0-9][a-z0-9-]*):(.+)$`, resource, 1)
}

anonymous if not input.actor.id

# Roles name actions per namespace-independent role; unknown roles grant nothing.
permitted_actions contains a if {
	some role in input.actor.roles
	some a in data.tenant_isolation.role_actions[role]
}

in_scope if {
	input.scope.tenant == parsed.tenant
	some ns in input.scope.namespaces
	ns in {"*", parsed.namespace}
}

# --- deny rules: each adds a reason ---

deny contains sprintf("resource %v is not of the form tenant.ns:name", [resource]) if not parsed

deny contains "strict mode: request has no actor" if {
	strict
	anonymous
}

deny contains "strict mode: request has no scope" if {
	strict
	not input.scope
}

deny contains sprintf("actor of tenant %v may not reach tenant %v", [t, parsed.tenant]) if {
	not anonymous
	t := object.get(input.actor, "tenant", null)
	t != parsed.tenant
}

deny contains sprintf("scope does not cover %v", [resource]) if {
	input.scope
	not in_scope
}

# Metadata must agree with the name: a resource cannot be moved across tenants by relabelling it.
deny contains sprintf("resource metadata names tenant %v, its name %v", [input.resource_meta.tenant, parsed.tenant]) if {
	input.resource_meta.tenant != parsed.tenant
}

deny contains sprintf("actor %v is suspended", [input.actor.id]) if input.actor.attributes.suspended == true

deny contains sprintf("classification %v needs clearance %v", [c, need]) if {
	c := input.resource_meta.classification
	need := data.tenant_isolation.clearance_levels[c]
	object.get(input.actor, ["attributes", "clearance"], 0) < need
}

deny contains sprintf("anonymous requests may only read public resources, not %v", [action]) if {
	anonymous
	not anonymous_read
}

anonymous_read if {
	action == "read"
	input.resource_meta.public == true
}

# --- grants: each adds its reason ---

grants contains sprintf("role grants %v", [action]) if action in permitted_actions

grants contains "owner of the resource" if {
	not anonymous
	input.resource_meta.owner == input.actor.id
	action in {"read", "write"}
}

grants contains "public resource, anonymous read" if {
	anonymous
	anonymous_read
}

# --- the decision: one rule, deny first ---

decision := {"allow": false, "reasons": sort([r | some r in deny])} if {
	count(deny) > 0
} else := {"allow": true, "reasons": sort([g | some g in grants])} if {
	count(grants) > 0
} else := {"allow": false, "reasons": [sprintf("no grant for %v", [action])]}
