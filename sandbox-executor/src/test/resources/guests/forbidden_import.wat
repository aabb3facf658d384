;; Hostile: imports from a module the executor does not provide.
(module
  (import "env" "system" (func $system (param i32) (result i32)))
  (func (export "_start") (drop (call $system (i32.const 0)))))
