package dev.verdict.service.logs;

/** Where masked events go, one JSON document (UTF-8) per call, from the log writer's thread only. */
sealed interface LogSink permits FileSink, HttpSink {

  void write(byte[] json);

  /** The writer's queue ran empty: make what was written visible. */
  void flush();

  void close();
}
