/**
 * Targets as users declare them — runtime and model, intervention, size label, sampling, limits
 * — in YAML or on the command line, and the one factory that builds each into a ChatModel.
 */
package org.redteam4j.config.targets;
