// auth.mjs — the one place the browser tests know how to set up and sign in: the first
// administrator through /setup, and any user through /login. Every test user has PASSWORD.
export const PASSWORD = "mamoru test passphrase 2026";

// setUp(page, base, admin) — a new server sends every page to /setup; fill it in as the admin.
export async function setUp(page, base, { email, name, workspace }) {
  await page.goto(base);
  await page.getByLabel(/ワークスペースの名前|Workspace name/).fill(workspace);
  await page.getByLabel(/^(名前|Name)$/).fill(name);
  await page.getByLabel(/メールアドレス|E-mail address/).fill(email);
  await page.getByLabel(/新しいパスワード|New password/).fill(PASSWORD);
  await page.getByRole("button", { name: /管理者を登録して始める|Create the administrator/ }).click();
}

// signIn(page, base, email) — through the sign-in form, in whichever language the page shows.
export async function signIn(page, base, email) {
  await page.goto(`${base}/login`);
  await page.getByLabel(/メールアドレス|E-mail address/).fill(email);
  await page.getByLabel(/^(パスワード|Password)$/).fill(PASSWORD);
  await page.getByRole("button", { name: /ログイン|Sign in/ }).click();
}
