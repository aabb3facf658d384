;; Hostile: an infinite loop closed by br_if (Chicory 1.7.5's interpreter does not check interrupts there).
(module (func (export "_start") (loop $l (br_if $l (i32.const 1)))))
