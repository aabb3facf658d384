package test

allow if input.user == "alice"

decision := {"allow": input.user == "alice", "reasons": ["user checked"], "obligations": {"max": data.limits.max}} if input.user

conflict := 1 if input.x
conflict := 2 if input.x

clock := time.now_ns()

slow if {
	some i in numbers.range(1, 100000)
	some j in numbers.range(1, 100000)
	i + j < 0
}

strict if to_number(input.text) > 1

dry := {"allow": input.user == "alice"}

off := false

canary := input.user == "alice"

malformed := "yes"
