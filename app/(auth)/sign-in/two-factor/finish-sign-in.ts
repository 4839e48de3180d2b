"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { rememberCurrentAccount } from "@/lib/actions/remembered-accounts";

/** Once the second step passed: remember the account (ACC-5) and open the console. */
export function useFinishSignIn(done: boolean) {
  const router = useRouter();
  useEffect(() => {
    if (!done) return;
    void rememberCurrentAccount().finally(() => {
      router.replace("/");
      router.refresh();
    });
  }, [done, router]);
}
