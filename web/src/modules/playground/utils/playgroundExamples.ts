import type { GraphiQLProps } from 'graphiql';

type TabDefinition = NonNullable<GraphiQLProps['defaultTabs']>[number];

const meExample = `# Signed in already: the playground uses your session.
query Me {
  me {
    id
    name
    email
    role {
      name
    }
    permissions
  }
}
`;

const journalAppendedExample = `# Live journal rows (needs journal:read). Run it, then
# sign in or change something in another tab.
subscription JournalAppended {
  journalAppended {
    seq
    action
    summary
    at
  }
}
`;

const journalExample = `# Latest journal rows of one action (needs journal:read).
query Journal($filter: JournalFilter) {
  journal(filter: $filter, page: { limit: 20 }) {
    total
    entries {
      seq
      at
      action
      actorLabel
      objectType
      objectId
      summary
      changes {
        field
        oldValue
        newValue
      }
    }
  }
}
`;

const calendarExample = `# The calendar for a month: crew with roles, client, venue and problems.
query Calendar($from: Date!, $to: Date!) {
  productionEvents(from: $from, to: $to) {
    id
    title
    startDate
    endDate
    status
    version
    client { name }
    venue { name }
    crew { person { name } crewRole { name } }
    problems { kind message }
  }
}
`;

const calendarChangedExample = `# Live changes of events in a period. Run it, then move an event
# (moveProductionEvent) in another tab: the change arrives here with its journal seq.
subscription CalendarChanged($from: Date!, $to: Date!) {
  calendarChanged(from: $from, to: $to) {
    seq
    kind
    actorName
    event { id title startDate endDate version problems { message } }
  }
}
`;

const moveExample = `# Drag and drop as an API call: send the version you read.
# A stale version is merged unless someone changed the dates since (then CONFLICT).
mutation Move($id: ID!, $version: Int!, $start: Date!, $end: Date!) {
  moveProductionEvent(id: $id, expectedVersion: $version, startDate: $start, endDate: $end) {
    event { id startDate endDate version }
    conflicts { person { name } otherEvent { title } fromDate toDate }
  }
}
`;

const appInfoExample = `# Public facts about this installation.
query AppInfo {
  appInfo {
    companyName
    timeZone
    weekStart
    defaultLanguage
    version
  }
}
`;

const thisMonth = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  const last = new Date(now.getFullYear(), now.getMonth() + 1, 0).getDate();
  const month = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
};

/** The example operations the playground opens with (until the user's own tabs are saved). */
export const playgroundExamples: TabDefinition[] = [
  { query: meExample },
  { query: calendarExample, variables: JSON.stringify(thisMonth(), null, 2) },
  { query: calendarChangedExample, variables: JSON.stringify(thisMonth(), null, 2) },
  { query: moveExample, variables: JSON.stringify({ id: 'paste an event id', version: 1, start: thisMonth().from, end: thisMonth().from }, null, 2) },
  { query: journalAppendedExample },
  { query: journalExample, variables: JSON.stringify({ filter: { action: 'auth.login' } }, null, 2) },
  { query: appInfoExample },
];
