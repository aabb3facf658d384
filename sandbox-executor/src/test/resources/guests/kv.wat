;; Prints the tenant's value under "greeting" (verdict.kv.read); when absent, prints "miss" and
;; stores stdin there (verdict.kv.write).
(module
  (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "verdict" "kv.read" (func $read (param i32 i32 i32 i32) (result i32)))
  (import "verdict" "kv.write" (func $write (param i32 i32 i32 i32) (result i32)))
  (memory 1)
  (data (i32.const 100) "greeting")
  (data (i32.const 120) "miss")
  (func $print (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
  (func (export "_start") (local $n i32)
    (local.set $n (call $read (i32.const 100) (i32.const 8) (i32.const 1024) (i32.const 1024)))
    (if (i32.ge_s (local.get $n) (i32.const 0))
      (then (call $print (i32.const 1024) (local.get $n)))
      (else
        (call $print (i32.const 120) (i32.const 4))
        (i32.store (i32.const 0) (i32.const 2048))
        (i32.store (i32.const 4) (i32.const 1024))
        (drop (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
        (drop (call $write (i32.const 100) (i32.const 8) (i32.const 2048) (i32.load (i32.const 8))))))))
