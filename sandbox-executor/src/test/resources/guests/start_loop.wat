;; Hostile: the start function never returns.
(module
  (func $spin (loop $l (br_if $l (i32.const 1))))
  (start $spin)
  (func (export "_start")))
