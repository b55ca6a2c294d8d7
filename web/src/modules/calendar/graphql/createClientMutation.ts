import { graphql } from '../../../graphql/graphql';

export const CreateClientMutation = graphql(`
  mutation CalendarCreateClient($input: CreateClientInput!) {
    createClient(input: $input) {
      id
      name
      phone
    }
  }
`);
