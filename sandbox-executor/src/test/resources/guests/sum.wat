;; Sums 1..100000 in a loop and traps if the result is wrong: a deterministic amount of work.
(module
  (func (export "_start") (local $i i32) (local $s i64)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $s (i64.add (local.get $s) (i64.extend_i32_u (local.get $i))))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 100000))))
    (if (i64.ne (local.get $s) (i64.const 5000050000)) (then unreachable))))
