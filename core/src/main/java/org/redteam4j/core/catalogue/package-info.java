/**
 * The catalogue: every strategy, converter, template, judge and runtime, each with its id, one
 * line of description, what it needs and an example. Declared once here; campaign parsers,
 * {@code redteam4j list}, the README and the catalogue test all iterate it.
 */
package org.redteam4j.core.catalogue;
