package dev.verdict.sandbox.modules;

import java.util.List;

/** What the API reports about a stored module. */
public record ModuleInfo(String name, String sha256, long size, List<ImportRef> imports, List<String> exports) {}
