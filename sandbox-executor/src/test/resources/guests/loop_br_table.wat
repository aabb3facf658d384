;; Hostile: an infinite loop closed by br_table.
(module (func (export "_start") (loop $l (br_table $l $l (i32.const 0)))))
