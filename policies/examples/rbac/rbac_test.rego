package app.rbac_test

import data.app.rbac

test_admin_may_do_anything if {
	rbac.allow with input as {"user": "alice", "action": "delete", "type": "dog"}
}

test_employee_may_update_cats if {
	rbac.allow with input as {"user": "bob", "action": "update", "type": "cat"}
}

test_billing_may_read_finance if {
	rbac.allow with input as {"user": "bob", "action": "read", "type": "finance"}
}

test_customer_may_not_update if {
	not rbac.allow with input as {"user": "eve", "action": "update", "type": "dog"}
}

test_unknown_user_is_denied if {
	not rbac.allow with input as {"user": "mallory", "action": "read", "type": "dog"}
}

test_grants_of_a_user if {
	grants := rbac.user_is_granted with input as {"user": "eve"}
	count(grants) == 4
}
