;; The demo guest: "hello from the sandbox" on stdout (plain WASI), then a line through the host's
;; verdict.log, which only subjects granted the capability host.log may import.
;; Built with Chicory's wat2wasm (no native tool): see deploy/local/README.md.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "verdict" "log" (func $log (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from the sandbox\n")
  (data (i32.const 48) "hello, host")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 23))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $log (i32.const 48) (i32.const 11))))
