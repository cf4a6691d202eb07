package read

// SnapWhole is snapWhole, for the tests of package read_test.
var SnapWhole = snapWhole
