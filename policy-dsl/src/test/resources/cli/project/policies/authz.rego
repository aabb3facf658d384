package authz

default allow := false

allow if {
	input.method == "GET"
	input.path == ["users", input.user]
}

allow if {
	some role in data.roles.bindings[input.user]
	role == "admin"
}

reasons contains msg if {
	not allow
	msg := sprintf("%s may not %s /%s", [input.user, input.method, concat("/", input.path)])
}
