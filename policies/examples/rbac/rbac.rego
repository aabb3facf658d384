# Role-based access control: users have roles, roles have grants.
# The example from OPA's documentation, in Rego v1.
package app.rbac

# By default, deny requests.
default allow := false

# Admins may do anything.
allow if user_is_admin

# Anyone may perform an action one of their roles grants.
allow if {
	some grant in user_is_granted
	input.action == grant.action
	input.type == grant.type
}

user_is_admin if "admin" in data.user_roles[input.user]

# Every grant of every role of the user.
user_is_granted contains grant if {
	some role in data.user_roles[input.user]
	some grant in data.role_grants[role]
}
