// Imported before each timed cold import, so the figure leaves out the
// one-off start-up of Node's module loader and keeps only the package's cost.
export {};
