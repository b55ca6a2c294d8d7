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

/** The example operations the playground opens with (until the user's own tabs are saved). */
export const playgroundExamples: TabDefinition[] = [
  { query: meExample },
  { query: journalAppendedExample },
  { query: journalExample, variables: JSON.stringify({ filter: { action: 'auth.login' } }, null, 2) },
  { query: appInfoExample },
];
