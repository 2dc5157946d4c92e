/** The error a promise rejects with; fails the test when it resolves (client calls that must fail). */
export async function errorOf(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}
