package failing

test_false if {
	false
}

test_undefined if {
	input.x == 1
}

test_not_bool := 7

test_prints if {
	print("hello", 1)
}

conflicting(x) := 1 if x > 0

conflicting(x) := 2 if x > 1

test_conflict if {
	conflicting(5) == 1
}

test_cases[note] := ok if {
	some note, want in {"one": 1, "two": 2}
	ok := want == 1
}
