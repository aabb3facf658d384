# The demo policy compiled into opa-java-wasm's jar (demo-policy.wasm, entrypoint
# opa/wasm/test/allowed): the test policy of OPA's npm-opa-wasm SDK, ported to Rego v1.
# The original reads:
#
#   package opa.wasm.test
#   default allowed = false
#   allowed { user := input.user; data.role[user] == "admin" }
package opa.wasm.test

default allowed := false

allowed if {
	user := input.user
	data.role[user] == "admin"
}
