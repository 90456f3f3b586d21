// After both builds of the example (invoker.properties): the second failed because the red-team gate
// failed, not for another reason, and the extension's JUnit XML lies beside surefire's own.
def log = new File(basedir, 'build.log').getText('UTF-8')
def reports = new File(basedir, 'target/surefire-reports')

def check = { boolean ok, String what ->
    if (!ok) {
        throw new AssertionError("examples/java-project: " + what)
    }
}

// build.log holds both builds, the first (gate 90%, which invoker saw pass) before the second
def runs = log.split(/(?m)^\[INFO\] BUILD SUCCESS$/, 2)
check(runs.length == 2, 'build.log has no successful first build')
check(runs[0].contains("red-team campaign 'nightly': 18 attacks run now")
        && runs[0].contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0'),
        'the first build passed without running the red-team test')
check(runs[1].contains("red-team campaign 'nightly': 18 attacks run now"), 'the second build did not run the campaign')
check(runs[1].contains("red-team campaign 'nightly': 1 of 1 targets above the gate of 20.0%"),
        'the second build did not fail at the gate of 20% (no gate message in build.log)')
check((runs[1] =~ /bot +\(all\) +\(all\) +18 +0 +0 +keyword 6\/18 = 33%/).find(),
        'build.log has no summary row "bot (all) (all) 18 0 0 keyword 6/18 = 33%"')
check(runs[1].contains('Tests run: 1, Failures: 1, Errors: 0, Skipped: 0'),
        'the red-team test was not the one failure (compilation, an error or another test?)')
check(runs[1].contains('There are test failures'), 'the build did not fail in surefire')

check(new File(reports, 'TEST-org.redteam4j.examples.NightlyRedTeamTest.xml').isFile(), "no surefire report in $reports")
def xml = new File(reports, 'TEST-redteam4j.nightly.xml')
check(xml.isFile(), "the extension wrote no $xml beside surefire's reports")
def suites = new groovy.xml.XmlSlurper().parse(xml)
def cases = suites.'**'.findAll { it.name() == 'testcase' }
check(cases.size() == 18, "TEST-redteam4j.nightly.xml has ${cases.size()} test cases, not one per attack (18)")
check(cases.count { !it.failure.isEmpty() } == 6, 'TEST-redteam4j.nightly.xml does not have the 6 hits as failures')
return true
