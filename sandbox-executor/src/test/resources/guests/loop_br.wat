;; Hostile: an infinite loop closed by br.
(module (func (export "_start") (loop $l (br $l))))
