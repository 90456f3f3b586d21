/** The catalogue test: every entry built from YAML, and only catalogue ids accepted. */
package org.redteam4j.config.catalogue;
