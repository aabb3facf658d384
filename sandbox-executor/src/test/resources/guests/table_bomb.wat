;; Hostile: grows a table without a declared maximum until it fails, then traps.
(module
  (table 1 funcref)
  (func (export "_start")
    (loop $l (br_if $l (i32.ne (table.grow 0 (ref.null func) (i32.const 1000)) (i32.const -1))))
    unreachable))
