package system

main := {"hello": input.name} if input.name
