/**
 * The one strict way every redteam4j YAML file is read — campaign files, targets files and the
 * targets an admin pastes into the workbench: one document, no duplicate keys, no anchors,
 * aliases or merge keys, no unknown keys, and errors naming the file, line and key.
 */
package org.redteam4j.config.yaml;
