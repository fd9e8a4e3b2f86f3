// One login: an anonymous visit to one of Convene's pages is sent to Tasklist's login with a
// short-lived cookie naming the page (identity/ReturnAfterLoginEntryPoint). Once the person is
// signed in, this script takes them back there. Only paths of this site are followed.
const COOKIE = 'convene_return';

function returnPath() {
  const match = document.cookie.match(/(?:^|; )convene_return=([^;]*)/);
  const path = match ? decodeURIComponent(match[1]) : null;
  return path && /^\/[^/\\]/.test(path) ? path : null;
}

async function returnWhenSignedIn() {
  const path = returnPath();
  if (!path) {
    return;
  }
  const response = await fetch('/camunda/api/admin/auth/user/default',
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (response.ok) {
    document.cookie = COOKIE + '=; Path=/; Max-Age=0; SameSite=Lax';
    window.location.assign(path);
  }
}

returnWhenSignedIn();
const timer = setInterval(() => returnPath() ? returnWhenSignedIn() : clearInterval(timer), 1000);

export default [];
