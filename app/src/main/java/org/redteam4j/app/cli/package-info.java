/**
 * What every command shares: options as picocli mixins (database, progress, target, scorer), the
 * exit codes, the one mapping from the failure family to them, terminal escaping of hostile text,
 * and the campaign summary's text and JSON.
 */
package org.redteam4j.app.cli;
