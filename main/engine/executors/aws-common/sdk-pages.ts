/**
 * Every page of a paginated AWS call, read by the SDK's own paginator (`paginateDescribeInstances`
 * and friends: their token names, page-size field and stop rule) while each page is fetched by
 * `fetchPage`, so the executor's retries, error classification and abort signal still apply to
 * every page. The SDK paginators accept only an instance of their client class and call its
 * `send(command)`: the page source is therefore an object on that class's prototype whose `send`
 * hands the command's input to `fetchPage`; no SDK client is constructed or called through it.
 */
export async function* sdkPages<Client extends object, Input extends object, Output>(
  paginate: (config: { client: Client }, input: Input) => AsyncIterable<Output>,
  clientClass: { readonly prototype: Client },
  fetchPage: (input: Input) => Promise<Output>,
  input: Input,
): AsyncGenerator<Output, void, undefined> {
  const source: Client = Object.assign(Object.create(clientClass.prototype), {
    send: (command: { input: Input }) => fetchPage(command.input),
  });
  // The paginator writes the next token into its input: give it a copy.
  yield* paginate({ client: source }, { ...input });
}
