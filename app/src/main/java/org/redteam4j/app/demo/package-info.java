/** What {@code redteam4j demo} runs: the example campaign (the command itself wires the other commands, beside {@code Cli}). */
package org.redteam4j.app.demo;
