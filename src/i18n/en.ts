/**
 * The English texts of the user interface. The catalogue's own content (titles,
 * summaries) stays German; pages mark it with lang="de".
 */
import type { Dictionary } from "./de.js";

function plural(count: number, singular: string, pluralForm: string): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** English interface texts, with exactly the keys of the German dictionary. */
export const en: Dictionary = {
  serviceName: "Fortschritt",
  skipLink: "Skip to main content",
  languageSwitch: "Deutsch",
  languageSwitchLang: "de",
  mainNavigation: "Main navigation",
  breadcrumbs: "Breadcrumbs",
  navOverview: "Overview",
  navTimeline: "Timeline",
  navSearch: "Search",
  footerAbout: "Published with Fortschritt, free software for municipal digitalisation programmes.",
  footerApi: "Open data (JSON API)",
  footerApiDocs: "API description (OpenAPI)",

  municipalitiesTitle: "Digitalisation programmes",
  municipalitiesIntro: "These municipalities publish their digitalisation programme here.",
  municipalitiesEmpty: "No municipality has been registered yet.",

  programmeGoals: "Vision and goals",
  programmePriorities: (year) => `Priorities ${year}`,
  programmeTimelineLink: "See all projects on the timeline",
  programmeSearchLink: "Search projects and measures",
  horizon: (start, end) => `Period ${start}–${end}`,
  projectCount: (count) => plural(count, "project", "projects"),
  projectsInFields: (projects, fields) =>
    `${plural(projects, "project", "projects")} in ${plural(fields, "action field", "action fields")}`,
  projectsInAreas: (projects, fields, areas) =>
    `${plural(projects, "project", "projects")} in ${plural(fields, "action field", "action fields")} and ${plural(areas, "impact area", "impact areas")}`,
  actionFieldLabel: (number, name) => `Action field ${number}: ${name}`,
  noProjects: "No projects yet.",

  impactArea: "Impact area",
  actionField: "Action field",
  project: "Project",
  status: "Status",
  period: "Period",
  phase: "Phase",
  code: "Number",
  noPeriod: "no period given",

  projectSummary: "What it is about",
  projectSchedule: "Schedule",
  projectScheduleChart: (title) => `Schedule of ${title}`,
  projectMeasures: "Individual measures",
  projectMeasuresEmpty: "No individual measures are recorded for this project.",
  projectResponsibilities: "Responsibilities",
  projectResponsibilitiesEmpty: "No responsibility is recorded.",
  projectDependencies: "Dependencies",
  projectDependsOn: "Depends on",
  projectPrerequisiteFor: "Prerequisite for",
  projectNoDependencies: "none",
  projectTags: "Tags",
  projectPhasesEmpty: "No schedule has been recorded for this project yet.",

  timelineTitle: "Timeline",
  timelineIntro: (start, end) =>
    `All projects from ${start} to ${end}, grouped by action field. Each phase of a project is a bar; the table below the chart holds the same information.`,
  timelineFilterLegend: "Choose projects",
  timelineFilterActionField: "Action field",
  timelineFilterOrgUnit: "Responsible unit",
  timelineFilterOrgUnitHint: "including subordinate divisions",
  timelineFilterStatus: "Status",
  timelineFilterAll: "all",
  timelineFilterSubmit: "Show selection",
  timelineFilterReset: "Reset selection",
  timelineFilterAutoHint: "The view updates as soon as you choose.",
  timelineResult: (projects, total) =>
    projects === total ? plural(projects, "project", "projects") : `${projects} of ${plural(total, "project", "projects")}`,
  timelineEmpty: "No project matches this selection.",
  timelineScrollRegion: "Timeline chart, scrolls sideways",
  timelineChartTitle: (start, end) => `Timeline of the projects ${start}–${end}`,
  timelineChartDescription: (projects, fields) =>
    `Bar chart of ${plural(projects, "project", "projects")} in ${plural(fields, "action field", "action fields")}. The table "Timeline as a table" below the chart holds the same information.`,
  timelineTableCaption: "Timeline as a table",
  timelineToday: "today",
  timelineLegend: "Legend",
  legendPhaseOdd: "Phase (first, third …)",
  legendPhaseEven: "Following phase (hatched)",
  legendPermanent: "Permanent task (dotted)",
  legendOpenEnd: "continues (open end)",
  legendQuarter: "Quarter boundary",
  legendToday: "today's date",
  timelineFilterInvalid: "This selection is not possible.",
  timelineUnknownActionField: (value) => `There is no action field "${value}" in this catalogue.`,
  timelineUnknownOrgUnit: (value) => `There is no unit "${value}" in this catalogue.`,
  timelineUnknownStatus: (value) =>
    `There is no status "${value}". Possible values: planned, in_progress, ongoing, completed, paused.`,

  searchTitle: "Search",
  searchLabel: "Search term",
  searchHint: "Searches projects and individual measures, e.g. \"Rechnung\" or \"Bürgerbüro\".",
  searchSubmit: "Search",
  searchResults: (count, query) =>
    count === 0 ? `No results for "${query}".` : `${plural(count, "result", "results")} for "${query}"`,
  searchHitProject: "Project",
  searchHitMeasure: (code, title) => `Individual measure in project ${code} ${title}`,

  projectStatus: {
    planned: "planned",
    in_progress: "in progress",
    ongoing: "ongoing/permanent",
    completed: "completed",
    paused: "paused",
  },
  measureStatus: {
    planned: "planned",
    in_progress: "in progress",
    done: "done",
    dropped: "dropped",
  },
  responsibilityRole: {
    lead: "lead",
    contributing: "contributing",
  },

  errorTitle: {
    400: "Invalid input",
    404: "Page not found",
    500: "An error occurred",
    503: "Service temporarily unavailable",
  },
  errorBackHome: "Go to the start page",
  errorCode: (code) => `Error code: ${code}`,
};
