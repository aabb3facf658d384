package legacy

default allow = false

allow {
	input.admin == true
}

deny[msg] {
	not allow
	msg := "not an admin"
}
