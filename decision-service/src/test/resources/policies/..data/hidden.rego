# Hidden: a ConfigMap volume keeps its files under ..<timestamp>/ (reached through ..data); never loaded.
package hidden

loaded := true
