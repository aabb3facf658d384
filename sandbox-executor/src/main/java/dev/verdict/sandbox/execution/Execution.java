package dev.verdict.sandbox.execution;

/** A response body with its HTTP status: 200 for every run, 403 denied, 503 decision unavailable. */
public record Execution(int httpStatus, ExecutionResponse body) {}
