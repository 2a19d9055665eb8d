/** The app version: part of every run's identity (a run is a function of graph, scenario, seed and this). Kept equal to package.json by a test. */
export const APP_VERSION = '0.2.0';
