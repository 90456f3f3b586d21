/** {@code redteam4j list}: the catalogue of strategies, converters, templates, judges and runtimes, for people and scripts. */
package org.redteam4j.app.list;
