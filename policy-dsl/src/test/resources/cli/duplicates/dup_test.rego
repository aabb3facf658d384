package dup

test_same if {
	true
}

test_same if {
	false
}

test_other if {
	true
}
