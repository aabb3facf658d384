package authz_test

import data.authz

test_user_reads_own_profile if {
	authz.allow with input as {"method": "GET", "path": ["users", "bob"], "user": "bob"}
}

test_admin_can_do_anything if {
	authz.allow with input as {"method": "DELETE", "path": ["users", "bob"], "user": "alice"}
}

test_others_denied if {
	not authz.allow with input as {"method": "GET", "path": ["users", "bob"], "user": "carol"}
}

todo_test_audit_log if {
	false
}
