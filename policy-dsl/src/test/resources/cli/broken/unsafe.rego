package broken

p if {
	x == 1
}

q contains y if {
	input.a == 1
}
