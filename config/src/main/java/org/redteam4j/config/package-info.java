/**
 * Declarations to objects, shared by the command line, Spark and library users: the {@link
 * org.redteam4j.config.Environment} every builder takes (keys, the shipped models, one target
 * factory), targets files, judge and scorer specs (one grammar, one parser) and campaign files.
 */
package org.redteam4j.config;
