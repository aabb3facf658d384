;; Logs "hi from the guest" through verdict.log (capability host.log).
(module
  (import "verdict" "log" (func $log (param i32 i32)))
  (memory 1)
  (data (i32.const 0) "hi from the guest")
  (func (export "_start") (call $log (i32.const 0) (i32.const 17))))
